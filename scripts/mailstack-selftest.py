#!/usr/bin/env python3
"""Self-test for scripts/mailstack (a running stack is required).

Usage:  eval "$(scripts/mailstack env)" && python3 scripts/mailstack-selftest.py

Checks every listener, delivery SMTP -> LMTP -> maildir -> POP3 on all listener
combinations, the rejections, the seeded mailbox, APOP/SASL and the failed-login
timing. Exit code 0 when everything passed. Uses only the Python standard library.
Note: it deletes the mails it delivers, and it leaves the seeded mailbox untouched.
"""
import base64
import hashlib
import hmac
import imaplib
import os
import poplib
import smtplib
import socket
import ssl
import sys
import time
import uuid

E = os.environ
if E.get("MAILTRIP_STACK") != "1":
    sys.exit('MAILTRIP_STACK is not 1: run eval "$(scripts/mailstack env)" first')

HOST = E["MAILTRIP_STACK_HOST"]
P = {k: int(E[f"MAILTRIP_STACK_{k}_PORT"]) for k in (
    "SMTP", "SMTP_NOTLS", "SMTP_AUTH", "SMTPS", "SUBMISSION", "SMTPS_WRONGHOST",
    "POP3", "POP3_NOTLS", "POP3S", "IMAP", "IMAPS", "IMAP_LOGINDISABLED")}
STRICT_HOST = E["MAILTRIP_STACK_IMAP_LOGINDISABLED_HOST"]
IMAP_PROBE, IMAP_PROBE_PW = E["MAILTRIP_STACK_IMAP_PROBE"], E["MAILTRIP_STACK_IMAP_PROBE_PASSWORD"]
IMAP_SEEDED, IMAP_SEEDED_PW = E["MAILTRIP_STACK_IMAP_SEEDED"], E["MAILTRIP_STACK_IMAP_SEEDED_PASSWORD"]
SENDER, SENDER_PW = E["MAILTRIP_STACK_SENDER"], E["MAILTRIP_STACK_SENDER_PASSWORD"]
PROBE, PROBE_PW = E["MAILTRIP_STACK_PROBE"], E["MAILTRIP_STACK_PROBE_PASSWORD"]
SEEDED, SEEDED_PW = E["MAILTRIP_STACK_SEEDED"], E["MAILTRIP_STACK_SEEDED_PASSWORD"]

CTX = ssl.create_default_context(cafile=E["MAILTRIP_STACK_CA_PEM"])  # verifies host names
failures = []
results = []


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))
    print(("PASS " if cond else "FAIL ") + name + (f"  [{detail}]" if detail else ""))
    if not cond:
        failures.append(name)


def smtp_connect(port, implicit_tls=False):
    if implicit_tls:
        s = smtplib.SMTP_SSL(HOST, port, context=CTX, timeout=10)
        s._host = "localhost"
    else:
        s = smtplib.SMTP(HOST, port, timeout=10)
    s.ehlo("selftest.localdomain")
    return s


def starttls(s):
    s._host = "localhost"  # server_hostname used for verification
    s.starttls(context=CTX)
    s.ehlo("selftest.localdomain")


def smtp_auth(s, mech, user=SENDER, pw=SENDER_PW):
    s.user, s.password = user, pw
    obj = {"PLAIN": s.auth_plain, "LOGIN": s.auth_login, "CRAM-MD5": s.auth_cram_md5}[mech]
    return s.auth(mech, obj, initial_response_ok=(mech != "CRAM-MD5"))


def make_msg(tag):
    return (f"From: {SENDER}\r\nTo: {PROBE}\r\nSubject: selftest {tag}\r\n"
            f"Message-ID: <{tag}@selftest>\r\n\r\nbody {tag}\r\n").encode()


def pop_connect(kind):
    if kind == "POP3S":
        return poplib.POP3_SSL(HOST, P["POP3S"], context=CTX, timeout=10)
    p = poplib.POP3(HOST, P["POP3"] if kind == "POP3+STLS" else P[kind], timeout=10)
    if kind == "POP3+STLS":
        p.stls(context=CTX)  # server_hostname is HOST (127.0.0.1): IP SAN is checked
    return p


def pop_login(p, how, user=PROBE, pw=PROBE_PW):
    if how == "USER/PASS":
        p.user(user)
        p.pass_(pw)
    elif how == "APOP":
        p.apop(user, pw)
    elif how == "AUTH PLAIN":
        ir = base64.b64encode(f"\0{user}\0{pw}".encode()).decode()
        resp = p._shortcmd(f"AUTH PLAIN {ir}")
        assert resp.startswith(b"+OK"), resp
    elif how == "AUTH CRAM-MD5":
        p._putcmd("AUTH CRAM-MD5")
        line, _ = p._getline()
        assert line.startswith(b"+ "), line
        chal = base64.b64decode(line[2:])
        digest = hmac.new(pw.encode(), chal, hashlib.md5).hexdigest()
        resp = p._shortcmd(base64.b64encode(f"{user} {digest}".encode()).decode())
        assert resp.startswith(b"+OK"), resp
    else:
        raise ValueError(how)


def find_and_delete(tag, kind="POP3", how="USER/PASS", timeout=10.0):
    """Poll the probe mailbox until the mail with tag appears; delete it. Returns seconds."""
    t0 = time.monotonic()
    while True:
        p = pop_connect(kind)
        pop_login(p, how)
        found = False
        for entry in p.uidl()[1]:
            num = int(entry.split()[0])
            head = b"\n".join(p.top(num, 0)[1])
            if tag.encode() in head:
                p.dele(num)
                found = True
        p.quit()
        if found:
            return time.monotonic() - t0
        if time.monotonic() - t0 > timeout:
            return None
        time.sleep(0.02)


# ------------------------------------------------------------------ 1. listeners
for name, port in P.items():
    try:
        socket.create_connection((STRICT_HOST if name == "IMAP_LOGINDISABLED" else HOST, port), timeout=3).close()
        check(f"port {name} {port} answers", True)
    except OSError as e:
        check(f"port {name} {port} answers", False, str(e))

s = smtp_connect(P["SMTP"]); check("SMTP offers STARTTLS", s.has_extn("starttls"))
check("SMTP offers AUTH PLAIN LOGIN CRAM-MD5",
      set("PLAIN LOGIN CRAM-MD5".split()) <= set(s.esmtp_features.get("auth", "").split()),
      s.esmtp_features.get("auth", "")); s.quit()
s = smtp_connect(P["SMTP_NOTLS"]); check("SMTP_NOTLS offers no STARTTLS", not s.has_extn("starttls"))
check("SMTP_NOTLS offers AUTH over plain", s.has_extn("auth"), s.esmtp_features.get("auth", "")); s.quit()
s = smtp_connect(P["SMTP_AUTH"]); check("SMTP_AUTH offers STARTTLS and AUTH",
                                        s.has_extn("starttls") and s.has_extn("auth")); s.quit()
s = smtp_connect(P["SUBMISSION"])
check("SUBMISSION offers STARTTLS, no AUTH before TLS", s.has_extn("starttls") and not s.has_extn("auth"))
s.quit()
s = smtp_connect(P["SMTPS"], implicit_tls=True)
check("SMTPS offers AUTH", s.has_extn("auth")); s.quit()


def tls_verify(port, server_hostname):
    """Implicit-TLS handshake against 127.0.0.1:port verifying the CA and server_hostname."""
    try:
        with CTX.wrap_socket(socket.create_connection((HOST, port), timeout=5),
                             server_hostname=server_hostname) as t:
            t.recv(200)
        return True, "verified"
    except ssl.SSLCertVerificationError as e:
        return False, e.verify_message


for name in ("SMTPS", "POP3S"):
    for hn in ("localhost", "127.0.0.1"):
        ok, why = tls_verify(P[name], hn)
        check(f"{name} handshake verifies with CA for {hn}", ok, why)
for hn in ("localhost", "127.0.0.1"):
    ok, why = tls_verify(P["SMTPS_WRONGHOST"], hn)
    check(f"SMTPS_WRONGHOST fails host name verification for {hn}", not ok and "mismatch" in why, why)
ok, why = tls_verify(P["SMTPS_WRONGHOST"], "wrong.mailtrip.test")
check("SMTPS_WRONGHOST verifies for wrong.mailtrip.test (same CA)", ok, why)

for kind in ("POP3", "POP3_NOTLS"):
    p = poplib.POP3(HOST, P[kind], timeout=10)
    caps = p.capa()
    welcome = p.getwelcome()
    has_stls = "STLS" in caps
    check(f"{kind} CAPA {'lists' if kind == 'POP3' else 'does not list'} STLS",
          has_stls if kind == "POP3" else not has_stls, " ".join(sorted(caps)))
    check(f"{kind} greeting carries APOP timestamp", b"<" in welcome and b"@" in welcome, welcome.decode())
    p.quit()

# ------------------------------------------------------------------ 2. delivery
cases = [  # (smtp port, tls mode, auth mech or None, pop kind, pop login)
    ("SMTP", "plain", None, "POP3", "USER/PASS"),
    ("SMTP", "starttls", "PLAIN", "POP3+STLS", "USER/PASS"),
    ("SMTP_NOTLS", "plain", "LOGIN", "POP3_NOTLS", "APOP"),
    ("SMTP_NOTLS", "plain", None, "POP3_NOTLS", "USER/PASS"),
    ("SMTP_AUTH", "plain", "CRAM-MD5", "POP3", "APOP"),
    ("SMTP_AUTH", "starttls", "PLAIN", "POP3S", "USER/PASS"),
    ("SMTPS", "implicit", None, "POP3S", "APOP"),
    ("SMTPS", "implicit", "LOGIN", "POP3", "AUTH PLAIN"),
    ("SUBMISSION", "starttls", "PLAIN", "POP3S", "AUTH CRAM-MD5"),
    ("SUBMISSION", "starttls", "LOGIN", "POP3_NOTLS", "AUTH PLAIN"),
    ("SUBMISSION", "starttls", "CRAM-MD5", "POP3+STLS", "APOP"),
]
latencies = []
for smtp_name, tls, mech, pop_kind, pop_how in cases:
    label = f"{smtp_name}/{tls}/AUTH {mech or '-'} -> {pop_kind} {pop_how}"
    tag = str(uuid.uuid4())
    try:
        s = smtp_connect(P[smtp_name], implicit_tls=(tls == "implicit"))
        if tls == "starttls":
            starttls(s)
        if mech:
            smtp_auth(s, mech)
        s.sendmail(SENDER, [PROBE], make_msg(tag))  # raises unless 250
        s.quit()
        secs = find_and_delete(tag, pop_kind if pop_kind != "POP3+STLS" else "POP3+STLS", pop_how)
        if secs is not None:
            latencies.append(secs)
        check("deliver " + label, secs is not None, f"{secs * 1000:.0f} ms" if secs is not None else "not found")
    except Exception as e:  # noqa
        check("deliver " + label, False, repr(e)[:150])

# rejections
s = smtp_connect(P["SMTP_AUTH"])
code, msg = s.mail(SENDER)
check("SMTP_AUTH rejects unauthenticated MAIL FROM", code == 530, f"{code} {msg.decode()}")
code, msg = s.rcpt(PROBE)
check("SMTP_AUTH: RCPT after the rejected MAIL is refused too", code >= 500, f"{code} {msg.decode()}")
s.quit()
s = smtp_connect(P["SUBMISSION"])
code, msg = s.mail(SENDER)
check("SUBMISSION rejects MAIL before STARTTLS", code == 530, f"{code} {msg.decode()}")
code, msg = s.docmd("AUTH", "PLAIN " + base64.b64encode(f"\0{SENDER}\0{SENDER_PW}".encode()).decode())
check("SUBMISSION rejects AUTH before STARTTLS", code >= 500, f"{code} {msg.decode()}")
s.quit()
s = smtp_connect(P["SUBMISSION"]); starttls(s)
code, msg = s.mail(SENDER)
check("SUBMISSION rejects unauthenticated MAIL after STARTTLS", code == 530, f"{code} {msg.decode()}")
s.quit()
s = smtp_connect(P["SMTP"])
s.mail(SENDER); code, msg = s.rcpt("nobody@mailtrip.test")
check("SMTP rejects unknown mailtrip.test user", code >= 500, f"{code} {msg.decode()}")
s.rset(); s.mail(SENDER); code, msg = s.rcpt("someone@example.org")
check("SMTP: other domains rejected (error transport), nothing leaves the box",
      code >= 500, f"{code} {msg.decode()}")
s.quit()

# ------------------------------------------------------------------ 3. seeded mailbox
for kind in ("POP3", "POP3_NOTLS", "POP3S"):
    p = pop_connect(kind); pop_login(p, "USER/PASS", SEEDED, SEEDED_PW)
    count, _size = p.stat()
    check(f"seeded mailbox STAT via {kind} = {E['MAILTRIP_STACK_SEEDED_COUNT']}",
          count == int(E["MAILTRIP_STACK_SEEDED_COUNT"]), str(count))
    p.quit()

# ------------------------------------------------------------------ 4. failed logins stay fast
def timed(fn):
    t0 = time.monotonic()
    try:
        fn(); ok = True
    except Exception:  # noqa
        ok = False
    return ok, time.monotonic() - t0


def attempt(connect, login):
    """A login attempt for timed(): connect, log in, and always quit (quietly: the login may have failed)."""
    def f():
        c = connect()
        try:
            login(c)
        finally:
            try:
                c.quit()
            except Exception:  # noqa
                pass
    return f


def pop_try(pw, how="USER/PASS", user=PROBE):
    return attempt(lambda: pop_connect("POP3"), lambda p: pop_login(p, how, user, pw))


def smtp_try(pw, mech="PLAIN", user=SENDER):
    return attempt(lambda: smtp_connect(P["SMTP_AUTH"]), lambda s: smtp_auth(s, mech, user, pw))


for label, bad, good in (("POP3 USER/PASS", pop_try("wrong"), pop_try(PROBE_PW)),
                         ("POP3 APOP", pop_try("wrong", "APOP"), pop_try(PROBE_PW, "APOP")),
                         ("POP3 unknown user", pop_try("wrong", user="nobody@mailtrip.test"), pop_try(PROBE_PW)),
                         ("SMTP unknown user", smtp_try("wrong", user="nobody@mailtrip.test"), smtp_try(SENDER_PW)),
                         ("SMTP AUTH PLAIN", smtp_try("wrong"), smtp_try(SENDER_PW)),
                         ("SMTP AUTH CRAM-MD5", smtp_try("wrong", "CRAM-MD5"), smtp_try(SENDER_PW, "CRAM-MD5"))):
    times = []
    all_failed = True
    for _ in range(10):
        ok, t = timed(bad)
        all_failed &= not ok
        times.append(t)
    ok, tgood = timed(good)
    check(f"{label}: 10 wrong logins fail fast, then good login works", all_failed and ok and max(times) < 1 and tgood < 1,
          "wrong: " + ", ".join(f"{t * 1000:.0f}" for t in times) + f" ms; good: {tgood * 1000:.0f} ms")

# ------------------------------------------------------------------ 5. IMAP
def imap_connect(kind):
    if kind == "IMAPS":
        return imaplib.IMAP4_SSL(HOST, P["IMAPS"], ssl_context=CTX, timeout=10)
    if kind == "IMAP_LOGINDISABLED":
        m = imaplib.IMAP4(STRICT_HOST, P[kind], timeout=10)
    else:
        m = imaplib.IMAP4(HOST, P["IMAP"], timeout=10)
    if kind != "IMAP":
        m.starttls(ssl_context=CTX)
    return m


m = imaplib.IMAP4(HOST, P["IMAP"], timeout=10)
check("IMAP offers STARTTLS and plain-text login", "STARTTLS" in m.capabilities
      and "LOGINDISABLED" not in m.capabilities and "AUTH=PLAIN" in m.capabilities, " ".join(m.capabilities))
m.logout()
m = imaplib.IMAP4(STRICT_HOST, P["IMAP_LOGINDISABLED"], timeout=10)
check("IMAP_LOGINDISABLED announces LOGINDISABLED, no AUTH=PLAIN before STARTTLS",
      "LOGINDISABLED" in m.capabilities and "AUTH=PLAIN" not in m.capabilities, " ".join(m.capabilities))
try:
    m.login(IMAP_PROBE, IMAP_PROBE_PW)
    check("IMAP_LOGINDISABLED refuses LOGIN before STARTTLS", False, "login accepted")
except imaplib.IMAP4.error as e:
    check("IMAP_LOGINDISABLED refuses LOGIN before STARTTLS", True, str(e)[:80])
m.logout()
for kind in ("IMAP+STARTTLS", "IMAPS", "IMAP_LOGINDISABLED"):
    m = imap_connect(kind)
    m.login(IMAP_PROBE, IMAP_PROBE_PW)
    check(f"{kind}: IDLE, UIDPLUS and MOVE after login",
          all(c in m.capabilities or c in m.capability()[1][0].decode() for c in ("IDLE", "UIDPLUS", "MOVE")),
          m.capability()[1][0].decode()[:120])
    m.logout()

# delivery to the IMAP probe box, found by header and removed with UID EXPUNGE
tag = "imap-" + uuid.uuid4().hex
s = smtp_connect(P["SMTP"])
s.sendmail(SENDER, [IMAP_PROBE], (f"From: {SENDER}\r\nTo: {IMAP_PROBE}\r\nSubject: selftest {tag}\r\n"
                                  f"X-Mailtrip-Probe: selftest; guid={tag}\r\n\r\nbody\r\n").encode())
s.quit()
m = imap_connect("IMAP+STARTTLS")
m.login(IMAP_PROBE, IMAP_PROBE_PW)
m.select("INBOX")
uids = []
t0 = time.monotonic()
while not uids and time.monotonic() - t0 < 10:
    uids = m.uid("SEARCH", "HEADER", "X-Mailtrip-Probe", tag)[1][0].split()
    if not uids:
        time.sleep(0.05)
        m.noop()
check("IMAP: UID SEARCH HEADER finds the delivered mail", len(uids) == 1, repr(uids))
if uids:
    m.uid("STORE", uids[0].decode(), "+FLAGS.SILENT", "(\\Deleted)")
    typ, _ = m.uid("EXPUNGE", uids[0].decode())
    check("IMAP: UID EXPUNGE of the probe", typ == "OK", typ)
check("IMAP: probe box empty again", m.uid("SEARCH", "ALL")[1][0] == b"")
m.logout()

m = imap_connect("IMAPS")
m.login(IMAP_SEEDED, IMAP_SEEDED_PW)
typ, data = m.select("INBOX", readonly=True)
check(f"IMAP seeded mailbox holds {E['MAILTRIP_STACK_IMAP_SEEDED_COUNT']} mails",
      data[0].decode() == E["MAILTRIP_STACK_IMAP_SEEDED_COUNT"], data[0].decode())
typ, data = m.uid("SEARCH", "DELETED")
check("IMAP seeded mailbox has one foreign \\Deleted (not expunged) mail", len(data[0].split()) == 1, repr(data))
m.logout()

if latencies:
    print(f"delivery latency SMTP 250 -> visible on POP3: min {min(latencies) * 1000:.0f} ms, "
          f"max {max(latencies) * 1000:.0f} ms, n={len(latencies)}")
print(f"{len(results) - len(failures)}/{len(results)} checks passed")
sys.exit(1 if failures else 0)
