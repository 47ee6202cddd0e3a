#!/usr/bin/python3
"""A local SMTP server for letters' delivery tests (Debian python3-aiosmtpd).

    smtp_sink.py DIR [PORT]

Listens on 127.0.0.1:PORT (a free port when PORT is 0 or missing), prints the port on stdout
once it accepts connections, and writes each message it receives, exactly as sent, to
DIR/NNN.eml. It stops when its stdin closes (so it never outlives the test that started it),
on SIGTERM, or after 120 seconds at the latest.
"""
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, directory):
        self.directory = directory
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        data = getattr(envelope, "original_content", None) or envelope.content
        if isinstance(data, str):
            data = data.encode("utf-8", "surrogateescape")
        with self.lock:
            number = len([n for n in os.listdir(self.directory) if n.endswith(".eml")]) + 1
            path = os.path.join(self.directory, "%03d.eml" % number)
            with open(path + ".part", "wb") as handle:
                handle.write(data)
            os.rename(path + ".part", path)
        return "250 Message accepted for delivery"


def main():
    directory = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    if port == 0:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
    controller = Controller(Sink(directory), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    threading.Timer(120, stop.set).start()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print(port, flush=True)
    stop.wait()
    controller.stop()
    os._exit(0)


if __name__ == "__main__":
    main()
