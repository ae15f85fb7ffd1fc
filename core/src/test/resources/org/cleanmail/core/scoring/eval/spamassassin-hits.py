#!/usr/bin/env python3
"""Writes the rules SpamAssassin hits on a sample of the corpus, for SpamAssassinAgreementTest.

Usage: spamassassin-hits.py CORPUS_DIR STEP OUTPUT.tsv
  CORPUS_DIR  the spamassassin-public folder (with ham/ and spam/)
  STEP        take every STEP-th message of each label (4 takes a quarter)
  OUTPUT.tsv  one line per message: label/NNNNN.eml<TAB>RULE,RULE,...

Runs `spamassassin -L --mbox` (local tests only) once over an mbox of the sample and reads
the tests= list of each X-Spam-Status header. Then:
  mvn -B -o -q -pl core test -Dtest=SpamAssassinAgreementTest \
      -Dcleanmail.sa.hits=OUTPUT.tsv -Dsurefire.failIfNoSpecifiedTests=false
"""
import os
import re
import subprocess
import sys
import tempfile


def mbox_of(corpus, step):
    chunks = []
    for label in ('ham', 'spam'):
        for index, name in enumerate(sorted(os.listdir(os.path.join(corpus, label)))):
            if index % step != 1 % step:
                continue
            with open(os.path.join(corpus, label, name), 'rb') as message:
                data = message.read()
            if data.startswith(b'From '):
                data = data[data.index(b'\n') + 1:]
            lines = [b'>' + line if line.startswith(b'From ') else line
                     for line in data.replace(b'\r\n', b'\n').split(b'\n')]
            chunks.append(b'From sample@example.com Thu Jan  1 00:00:00 2004\n'
                          + b'X-Corpus-File: ' + f'{label}/{name}'.encode() + b'\n'
                          + b'\n'.join(lines).rstrip(b'\n') + b'\n\n')
    return b''.join(chunks)


def hits(output):
    rows = []
    for message in re.split(r'\nFrom sample@example\.com ', '\n' + output):
        name = re.search(r'^X-Corpus-File: (\S+)', message, re.M)
        status = re.search(r'^X-Spam-Status: (.*?)(?=\n\S)', message, re.M | re.S)
        if not name or not status:
            continue
        tests = re.search(r'tests=(.*?)\s+autolearn', status.group(1), re.S)
        rule_list = re.sub(r'\s+', '', tests.group(1)) if tests else ''
        rows.append(f'{name.group(1)}\t{"" if rule_list == "none" else rule_list}\n')
    return rows


def main():
    corpus, step, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with tempfile.NamedTemporaryFile(suffix='.mbox') as mbox:
        mbox.write(mbox_of(corpus, step))
        mbox.flush()
        with open(mbox.name, 'rb') as source:
            result = subprocess.run(['spamassassin', '-L', '--mbox'], stdin=source,
                                    stdout=subprocess.PIPE, check=True)
    rows = hits(result.stdout.decode('latin-1'))
    with open(target, 'w') as out:
        out.writelines(rows)
    print(f'{len(rows)} messages written to {target}')


if __name__ == '__main__':
    main()
