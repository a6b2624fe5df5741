"""A tiny key-value service: GET /KEY reads a counter, POST /KEY/incr adds one and returns the new value.

Binds $HOST:$PORT (set by the platform for every instance). Reachable only inside the environment, as `kv`.
"""
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

values = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    def _answer(self, status, body):
        data = (body + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        key = self.path.strip("/")
        with lock:
            self._answer(200, str(values.get(key, 0)))

    def do_POST(self):
        parts = self.path.strip("/").split("/")
        if len(parts) != 2 or parts[1] != "incr":
            self._answer(404, "use POST /KEY/incr")
            return
        with lock:
            values[parts[0]] = values.get(parts[0], 0) + 1
            self._answer(200, str(values[parts[0]]))

    def log_message(self, format, *args):
        pass


host = os.environ.get("HOST", "127.0.0.1")
port = int(os.environ.get("PORT", "7000"))
print(f"kv listening on {host}:{port}", flush=True)
ThreadingHTTPServer((host, port), Handler).serve_forever()
