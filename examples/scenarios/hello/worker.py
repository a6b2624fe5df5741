"""The worker stack: every few seconds, counts a tick in the kv service and says so in the logs."""
import os
import time
import urllib.request

kv = os.environ.get("KV_URL", "http://kv:7000")
instance = os.environ.get("WIDEMESH_INSTANCE", "worker")
while True:
    try:
        with urllib.request.urlopen(urllib.request.Request(f"{kv}/ticks/incr", method="POST"), timeout=2) as answer:
            print(f"{instance}: tick {answer.read().decode().strip()}", flush=True)
    except OSError as error:
        print(f"{instance}: kv not reachable yet ({error})", flush=True)
    time.sleep(3)
