#!/usr/bin/env python3
"""End-to-end check of `./cleanmail run`, as the README's first example does it by hand.

Starts `./cleanmail run` with a fresh CLEANMAIL_HOME, sends GTUBE and an ordinary message
over SMTP (127.0.0.1:2525), checks that GTUBE lands in the quarantine (webadmin
localhost:8000) and the ordinary message in the demo user's INBOX (IMAP 127.0.0.1:1143),
restarts, and checks that the quarantine is still there.
"""
import email
import imaplib
import json
import os
import signal
import smtplib
import subprocess
import sys
import tempfile
import time
import urllib.request

GTUBE = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X"
USER = "user@cleanmail.local"
WEBADMIN = "http://localhost:8000"
START_TIMEOUT = 300


class Server:
    def __init__(self, root, home):
        self.root, self.home = root, home
        self.log_path = os.path.join(home, "run.log")

    def __enter__(self):
        env = dict(os.environ, CLEANMAIL_HOME=self.home)
        self.log = open(self.log_path, "a")
        start = self.log.tell()
        self.process = subprocess.Popen([os.path.join(self.root, "cleanmail"), "run"], cwd=self.root, env=env,
                                        stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + START_TIMEOUT
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise AssertionError("./cleanmail run exited with %s:\n%s" % (self.process.returncode, self.tail()))
            with open(self.log_path) as f:
                f.seek(start)
                if "[cleanmail] ready." in f.read():
                    return self
            time.sleep(1)
        raise AssertionError("./cleanmail run was not ready within %ss:\n%s" % (START_TIMEOUT, self.tail()))

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        self.log.close()

    def tail(self):
        with open(self.log_path) as f:
            return "".join(f.readlines()[-40:])


def status():
    with urllib.request.urlopen(WEBADMIN + "/cleanmail/status", timeout=10) as response:
        return json.load(response)


def eventually(check, what, timeout=30):
    deadline = time.time() + timeout
    while True:
        try:
            result = check()
            if result:
                return result
        except Exception as e:  # the server may still be busy; retry until the deadline
            last = e
        if time.time() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.2)


def send(subject, body):
    message = "From: sender@example.com\r\nTo: %s\r\nSubject: %s\r\n\r\n%s\r\n" % (USER, subject, body)
    with smtplib.SMTP("127.0.0.1", 2525, timeout=30) as smtp:
        smtp.sendmail("sender@example.com", [USER], message)


def inbox(password):
    imap = imaplib.IMAP4("127.0.0.1", 1143)
    try:
        imap.login(USER, password)
        imap.select("INBOX")
        _, data = imap.search(None, "ALL")
        messages = []
        for number in data[0].split():
            _, fetched = imap.fetch(number, "(RFC822)")
            messages.append(email.message_from_bytes(fetched[0][1]))
        return messages
    finally:
        imap.logout()


def main(root):
    passed = 0
    home = tempfile.mkdtemp(prefix="cleanmail-smoke-")
    with Server(root, home):
        password = open(os.path.join(home, "demo-password")).read().strip()
        assert status()["quarantine"]["size"] == 0, status()
        assert status()["rules"]["loaded"] > 1000, "SpamAssassin's stock rules are not loaded: %s" % status()["rules"]

        send("gtube", "Spam test\r\n" + GTUBE)
        eventually(lambda: status()["quarantine"]["size"] == 1, "GTUBE in the quarantine")
        passed += 1

        send("lunch", "Shall we meet at noon?")
        messages = eventually(lambda: inbox(password), "the ordinary message in the INBOX")
        assert [m["Subject"] for m in messages] == ["lunch"], [m["Subject"] for m in messages]
        # SpamAssassin's stock rules are loaded: an ordinary message may hit a few of them, but is not spam.
        assert messages[0]["X-CleanMail-Status"].startswith("No, score="), messages[0]["X-CleanMail-Status"]
        passed += 1

    with Server(root, home):
        assert status()["quarantine"]["size"] == 1, "quarantine lost on restart: %s" % status()
        passed += 1
        assert inbox(open(os.path.join(home, "demo-password")).read().strip()) == [], "demo user re-created empty"
        passed += 1
    print("smoke: %d passed, 0 failed" % passed)


if __name__ == "__main__":
    try:
        main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "."))
    except AssertionError as e:
        print("smoke test failed: %s" % e, file=sys.stderr)
        print("smoke: 0 passed, 1 failed")
        sys.exit(1)
