# make install [PREFIX=~/.local]   binary, man page and shell completions
# make man                          the man page into .build/man/letters.1 (debug build)
PREFIX ?= $(HOME)/.local
CONFIG ?= release
BIN = .build/$(CONFIG)/letters

.PHONY: build man completions install uninstall

build:
	scripts/deps build
	swift build -c $(CONFIG) --product letters

man:
	swift package plugin generate-manual --configuration $(CONFIG) >/dev/null
	mkdir -p .build/man
	# The plugin writes only a generic EXIT STATUS and no ENVIRONMENT: ours replace its ending.
	sed '/^\.Sh "EXIT STATUS"/,$$d' .build/plugins/GenerateManual/outputs/letters/letters.1 \
	  > .build/man/letters.1
	cat docs/man/letters.1.tail >> .build/man/letters.1

completions: build
	mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/letters.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_letters
	$(BIN) --generate-completion-script fish > .build/completions/letters.fish

install: build man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	# Stripped: the symbols are most of the release binary's size and no user needs them.
	install -s -m 0755 $(BIN) $(DESTDIR)$(PREFIX)/bin/letters
	install -m 0644 .build/man/letters.1 $(DESTDIR)$(PREFIX)/share/man/man1/letters.1
	install -m 0644 .build/completions/letters.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/letters
	install -m 0644 .build/completions/_letters $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_letters
	install -m 0644 .build/completions/letters.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/letters.fish
	@# zsh looks in /usr/local/share/zsh/site-functions (Debian) but not under ~/.local: say so.
	@zsh_dir=$(PREFIX)/share/zsh/site-functions; \
	if [ -z "$(DESTDIR)" ] && command -v zsh >/dev/null 2>&1 \
	  && ! zsh -fc 'print -l $$fpath' | grep -qxF "$$zsh_dir"; then \
	  echo "letters: for zsh completion, add to ~/.zshrc before compinit: fpath=($$zsh_dir \$$fpath)"; \
	fi

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/letters $(DESTDIR)$(PREFIX)/share/man/man1/letters.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/letters \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_letters \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/letters.fish
