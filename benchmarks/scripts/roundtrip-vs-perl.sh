#!/bin/sh
# Issue 16, cost per check side by side on the real stack (scripts/mailstack, plain SMTP + POP3 USER/PASS,
# IMAP for check_email_delivery): the plugin before (the launcher flags of wip/imap: -Xshare:auto, JVM
# warnings on) and after (this launcher: JVM logging off; the dynamic archive on Java 17, the AOT cache on
# Java 25) against check_email_loop (Perl, one public script: pass its path, it is never committed here)
# and check_email_delivery (Perl, monitoring-plugins-contrib). Runs interleave, one of each per round
# (A/B pairs on a loaded machine), and each run's wall and CPU (user + sys) comes from /usr/bin/time; the
# summary prints medians and the ratios to check_email_loop. check_email_loop (v1.4.7) ignores --popport
# for POP3, so the port goes into --pophost (IO::Socket::INET takes host:port); each of its runs sends one
# probe and collects the previous one, which is its normal cost per check.
#
# Usage (repository root, after ./mvnw -B -q -pl nagios-adapter -am package -DskipTests, stack running and
# eval "$(scripts/mailstack env)"):
#   benchmarks/scripts/roundtrip-vs-perl.sh /path/to/check_email_loop [rounds=10] [out=benchmarks/target/vs-perl]
# Needs: apt-get install --no-install-recommends monitoring-plugins-contrib libmail-imapclient-perl
#   libemail-date-format-perl; /usr/lib/jvm/temurin-25-jdk-amd64 for the Java 25 rows.
set -eu
loop=${1:?path of check_email_loop (setec/check-email-loop)}
rounds=${2:-10}
out=${3:-benchmarks/target/vs-perl}
java17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
java25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
built=nagios-adapter/target/check_smtp_pop3_roundtrip
delivery=/usr/lib/nagios/plugins/check_email_delivery
: "${MAILTRIP_STACK_HOST:?eval \"\$(scripts/mailstack env)\" first}"
[ -x "$built/check_smtp_pop3_roundtrip" ] || { echo "missing: $built (build nagios-adapter)" >&2; exit 2; }
[ -x "$delivery" ] || { echo "missing: $delivery (monitoring-plugins-contrib)" >&2; exit 2; }
mkdir -p "$out"
rm -rf "$out/after17" "$out/after25" "$out/before"
host=$MAILTRIP_STACK_HOST
domain=$MAILTRIP_STACK_DOMAIN
smtp=$MAILTRIP_STACK_SMTP_NOTLS_PORT
pop3=$MAILTRIP_STACK_POP3_NOTLS_PORT
imap=$MAILTRIP_STACK_IMAP_PORT
pw=$MAILTRIP_STACK_SPARE_PASSWORD

# Three plugin folders: after (Java 17, dynamic archive), after (Java 25, AOT cache), before (wip/imap's
# launcher flags and its archive).
cp -a "$built" "$out/after17"; rm -f "$out/after17/lib/"*.jsa "$out/after17/lib/"*.aot
MAILTRIP_JAVA=$java17 "$out/after17/generate-cds" >/dev/null
cp -a "$built" "$out/after25"; rm -f "$out/after25/lib/"*.jsa "$out/after25/lib/"*.aot
[ -x "$java25" ] && MAILTRIP_JAVA=$java25 "$out/after25/generate-cds" >/dev/null
cp -a "$built" "$out/before"; rm -f "$out/before/lib/"*.jsa "$out/before/lib/"*.aot
git show wip/imap:nagios-adapter/src/main/dist/check_smtp_pop3_roundtrip >"$out/before/check_smtp_pop3_roundtrip"
git show wip/imap:nagios-adapter/src/main/dist/generate-cds >"$out/before/generate-cds"
chmod 755 "$out/before/check_smtp_pop3_roundtrip" "$out/before/generate-cds"
MAILTRIP_JAVA=$java17 "$out/before/generate-cds" >/dev/null 2>&1 || true

run() { # name command...
    name=$1; shift
    /usr/bin/time -f "$name %e %U %S" -a -o "$out/times.txt" "$@" >>"$out/$name.out" 2>&1 || true
}
: >"$out/times.txt"
uptime >"$out/load.txt"
i=0
while [ "$i" -lt "$rounds" ]; do
    run check_email_loop perl "$loop" --smtphost "$host" --smtpport "$smtp" --from "probe1@$domain" \
        --to "probe1@$domain" --pophost "$host:$pop3" --popuser "probe1@$domain" --passwd "$pw" \
        --statfiledir "$out" --smtpehlo bench.mailtrip.test --popauth PASS
    run check_email_delivery "$delivery" -H "$host" --smtp-port "$smtp" --imap-port "$imap" \
        --mailto "probe2@$domain" --mailfrom "probe2@$domain" --username "probe2@$domain" --password "$pw" \
        --imap-check-interval 1 --imap-retries 20 --hires
    run plugin_before_java17 env MAILTRIP_JAVA="$java17" MAILTRIP_POP3_PASSWORD="$pw" \
        "$out/before/check_smtp_pop3_roundtrip" -H "$host" --smtp-port "$smtp" --smtp-security none \
        --pop3-port "$pop3" --pop3-security none --from "probe3@$domain" --to "probe3@$domain" \
        --pop3-user "probe3@$domain" --pop3-auth password -t 30
    run plugin_after_java17 env MAILTRIP_JAVA="$java17" MAILTRIP_POP3_PASSWORD="$pw" \
        "$out/after17/check_smtp_pop3_roundtrip" -H "$host" --smtp-port "$smtp" --smtp-security none \
        --pop3-port "$pop3" --pop3-security none --from "probe3@$domain" --to "probe3@$domain" \
        --pop3-user "probe3@$domain" -t 30
    if [ -x "$java25" ]; then
        run plugin_after_java25 env MAILTRIP_JAVA="$java25" MAILTRIP_POP3_PASSWORD="$pw" \
            "$out/after25/check_smtp_pop3_roundtrip" -H "$host" --smtp-port "$smtp" --smtp-security none \
            --pop3-port "$pop3" --pop3-security none --from "probe3@$domain" --to "probe3@$domain" \
            --pop3-user "probe3@$domain" -t 30
    fi
    i=$((i + 1))
done
uptime >>"$out/load.txt"
python3 - "$out/times.txt" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 4 and True:
        rows.setdefault(parts[0], []).append((float(parts[1]), float(parts[2]) + float(parts[3])))
base = rows.get("check_email_loop")
med = lambda xs: statistics.median(xs)
print("| check | runs | wall, median | CPU user+sys, median | wall / loop | CPU / loop |")
print("|---|---|---|---|---|---|")
for name, values in rows.items():
    wall, cpu = med([v[0] for v in values]), med([v[1] for v in values])
    bw, bc = (med([v[0] for v in base]), med([v[1] for v in base])) if base else (None, None)
    print(f"| {name} | {len(values)} | {wall:.2f} s | {cpu:.2f} s | "
          f"{wall / bw:.2f}x | {cpu / bc:.2f}x |" if base else f"| {name} | {len(values)} | {wall:.2f} | {cpu:.2f} | | |")
PY
