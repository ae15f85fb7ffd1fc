#!/usr/bin/env python3
"""Records what SpamAssassin's Received parser makes of corpus messages, for RelayPathCorpusTest.

Usage: spamassassin-relays.py CORPUS STEP OUT.tsv
Takes every STEP-th file of CORPUS/ham and CORPUS/spam and asks a private `spamd -L`
(stock rules, Debian's site configuration, nothing configured for trusted_networks) to add
its relay pseudo-headers to each (`add_header all Relays-Trusted _RELAYSTRUSTED_`...),
then writes one line per message:
  label/file <TAB> Trusted <TAB> Untrusted <TAB> Internal <TAB> External
"""
import email.parser
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

corpus, step, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
KINDS = ["Trusted", "Untrusted", "Internal", "External"]

config = tempfile.mkdtemp(prefix="cleanmail-relays-")
os.chmod(config, 0o755)
for name in os.listdir("/etc/spamassassin"):
    if name.endswith((".pre", ".cf")):
        shutil.copy(os.path.join("/etc/spamassassin", name), config)
with open(os.path.join(config, "zz_relays.cf"), "w") as cf:
    cf.write("use_bayes 0\nskip_rbl_checks 1\ndns_available no\nreport_safe 0\n")
    for kind in KINDS:
        cf.write(f"add_header all Relays-{kind} _RELAYS{kind.upper()}_\n")
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
command = ["/usr/sbin/spamd", "-L", "-x", f"--siteconfigpath={config}", "-i", "127.0.0.1", "-A", "127.0.0.1",
           "-p", str(port), "-m", "1", "--min-children=1", "--min-spare=1", "--max-spare=1", "-s", "stderr"]
if os.geteuid() == 0:
    command += ["-u", "nobody"]
spamd = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
for line in spamd.stderr:
    if "server successfully spawned child" in line:
        break
else:
    sys.exit("spamd did not start")
threading.Thread(target=lambda: [None for _ in spamd.stderr], daemon=True).start()  # keep its log drained

try:
    with open(out, "w") as tsv:
        count = 0
        for label in ("ham", "spam"):
            names = sorted(os.listdir(os.path.join(corpus, label)))
            for name in names[::step]:
                data = open(os.path.join(corpus, label, name), "rb").read()
                answer = subprocess.run(["/usr/bin/spamc", "-d", "127.0.0.1", "-p", str(port), "-s", "8000000"],
                                        input=data, capture_output=True).stdout
                head = answer.split(b"\n\n", 1)[0].replace(b"\r\n", b"\n").decode("utf-8", "replace")
                headers = email.parser.Parser().parsestr(head + "\n\n", headersonly=True)
                row = []
                for kind in KINDS:
                    values = headers.get_all(f"X-Spam-Relays-{kind}") or [""]
                    row.append(" ".join(values[-1].replace("\n\t", " ").replace("\n ", " ").split(" ")).strip())
                tsv.write(f"{label}/{name}\t" + "\t".join(row) + "\n")
                count += 1
finally:
    spamd.terminate()
    spamd.wait()
    shutil.rmtree(config, ignore_errors=True)
print(f"{count} messages -> {out}")
