import ArgumentParser

/// `--no-pager`, for commands whose output may be long (README.md "At the terminal").
struct PagerOptions: ParsableArguments {
  @Flag(name: .customLong("no-pager"), help: "Print straight to the terminal, without a pager.")
  var noPager = false

  var paging: Bool { !noPager }
}
