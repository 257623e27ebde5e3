#!/bin/sh
# Issue 8, plugin start-up: wall and CPU time of check_smtp_pop3_roundtrip (--help and a full round trip;
# with the CDS archive, without it, and with plain `java -jar` = before the start-up work) against
# check_smtp + check_pop (C, monitoring-plugins-basic) and check_email_delivery (Perl, SMTP + IMAP into
# its own mailbox probe0, monitoring-plugins-contrib + libmail-imapclient-perl), on the same servers:
# GreenMail (a BenchMailServer JVM with SMTP, POP3 and IMAP) and, when MAILTRIP_STACK=1
# (eval "$(scripts/mailstack env)"), the real Postfix + Dovecot (check_email_delivery there needs
# MAILTRIP_STACK_IMAP_PORT and uses the last spare mailbox, which it leaves empty again).
#
# Usage (repository root, after ./mvnw -B -DskipTests install and ./mvnw -B -Pbench -DskipTests package -pl benchmarks):
#   benchmarks/scripts/startup.sh [runs=15] [output folder=benchmarks/target/startup]
# Needs: apt-get install -y --no-install-recommends hyperfine monitoring-plugins-basic monitoring-plugins-contrib
#   libmail-imapclient-perl
set -eu

runs=${1:-15}
out=${2:-benchmarks/target/startup}
plugin_dir=${PLUGIN_DIR:-nagios-adapter/target/check_smtp_pop3_roundtrip}
nagios=${NAGIOS_PLUGINS:-/usr/lib/nagios/plugins}
java=${MAILTRIP_JAVA:-java}
bench_cp='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
password=bench-only-pw   # BenchMailServer.PASSWORD: GreenMail on loopback only

for tool in hyperfine "$nagios/check_smtp" "$nagios/check_pop" "$nagios/check_email_delivery"; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing: $tool" >&2; exit 2; }
done
[ -x "$plugin_dir/check_smtp_pop3_roundtrip" ] || { echo "missing: $plugin_dir (build nagios-adapter)" >&2; exit 2; }
mkdir -p "$out"

# GreenMail as its own JVM; its first line gives the ports.
ports_file=$out/greenmail.ports
"$java" -cp "$bench_cp" io.mailtrip.bench.BenchMailServer 1 >"$ports_file" 2>"$out/greenmail.err" &
greenmail_pid=$!
trap 'kill "$greenmail_pid" 2>/dev/null || true' EXIT INT TERM
tries=0
until grep -q '^smtp=' "$ports_file"; do
    tries=$((tries + 1))
    [ "$tries" -lt 100 ] || { echo "GreenMail did not start" >&2; exit 1; }
    sleep 0.1
done
smtp=$(sed -n 's/.*smtp=\([0-9]*\).*/\1/p' "$ports_file")
pop3=$(sed -n 's/.*pop3=\([0-9]*\).*/\1/p' "$ports_file")
imap=$(sed -n 's/.*imap=\([0-9]*\).*/\1/p' "$ports_file")

plugin=$plugin_dir/check_smtp_pop3_roundtrip
jar=$plugin_dir/lib/check_smtp_pop3_roundtrip.jar
# The launcher's flags without the archive (see the launcher): "without CDS".
lean="$java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx96m -Xss512k -XX:-UsePerfData -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr -jar $jar"
plain="$java -jar $jar"   # before the start-up work: default JVM ergonomics (G1, C2), JDK's default CDS only

trip="-H 127.0.0.1 --smtp-port $smtp --smtp-security none --from sender@localhost --to probe@localhost \
--pop3-host 127.0.0.1 --pop3-port $pop3 --pop3-security none --pop3-auth password --pop3-user probe -t 20"
export MAILTRIP_POP3_PASSWORD=$password

bench() {   # name, commands...
    name=$1
    shift
    echo "== $name; load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
    hyperfine -N -i --style basic --warmup 2 --runs "$runs" --export-json "$out/$name.json" "$@"
}

bench help-greenmail \
    "$plugin --help" \
    "$lean --help" \
    "$plain --help"

# check_email_delivery: "--wait 0" would mean its default 5 s (Perl: 0 || 5); "0.0" is a true string and
# sleeps 0. It leaves its mail in the mailbox, hence its own mailbox probe0, apart from ours.
bench roundtrip-greenmail \
    "$plugin $trip" \
    "$lean $trip" \
    "$plain $trip" \
    "sh -c '$nagios/check_smtp -H 127.0.0.1 -p $smtp && $nagios/check_pop -H 127.0.0.1 -p $pop3'" \
    "$nagios/check_email_delivery --smtp-server 127.0.0.1 --smtp-port $smtp --mailto probe0@localhost \
--mailfrom sender@localhost --imap-server 127.0.0.1 --imap-port $imap --username probe0 --password $password \
--wait 0.0 --imap-check-interval 1 --imap-retries 10 -t 20"

if [ "${MAILTRIP_STACK:-}" = 1 ]; then
    stack_trip="-H $MAILTRIP_STACK_HOST --smtp-port $MAILTRIP_STACK_SMTP_NOTLS_PORT --smtp-security none \
--from $MAILTRIP_STACK_SENDER --to $MAILTRIP_STACK_PROBE --pop3-host $MAILTRIP_STACK_HOST \
--pop3-port $MAILTRIP_STACK_POP3_NOTLS_PORT --pop3-security none --pop3-auth password --pop3-user $MAILTRIP_STACK_PROBE -t 20"
    set -- "$plugin $stack_trip" \
        "sh -c '$nagios/check_smtp -H $MAILTRIP_STACK_HOST -p $MAILTRIP_STACK_SMTP_NOTLS_PORT && $nagios/check_pop -H $MAILTRIP_STACK_HOST -p $MAILTRIP_STACK_POP3_NOTLS_PORT'"
    if [ -n "${MAILTRIP_STACK_IMAP_PORT:-}" ]; then
        spare=${MAILTRIP_STACK_SPARES##*,}
        set -- "$@" "$nagios/check_email_delivery --smtp-server $MAILTRIP_STACK_HOST \
--smtp-port $MAILTRIP_STACK_SMTP_NOTLS_PORT --mailto $spare --mailfrom $MAILTRIP_STACK_SENDER \
--imap-server $MAILTRIP_STACK_HOST --imap-port $MAILTRIP_STACK_IMAP_PORT --username $spare \
--password $MAILTRIP_STACK_SPARE_PASSWORD --wait 0.0 --imap-check-interval 1 --imap-retries 10 -t 20"
    fi
    MAILTRIP_POP3_PASSWORD=$MAILTRIP_STACK_PROBE_PASSWORD bench roundtrip-stack "$@"
    if [ -n "${MAILTRIP_STACK_IMAP_PORT:-}" ]; then
        # check_email_delivery keeps its newest message; leave the spare mailbox empty, as the stack made it.
        python3 -c 'import imaplib, sys
m = imaplib.IMAP4(sys.argv[1], int(sys.argv[2])); m.login(sys.argv[3], sys.argv[4]); m.select("INBOX")
m.store("1:*", "+FLAGS", "\\Deleted"); m.expunge(); m.logout()' \
            "$MAILTRIP_STACK_HOST" "$MAILTRIP_STACK_IMAP_PORT" "$spare" "$MAILTRIP_STACK_SPARE_PASSWORD" || true
    fi
fi

python3 "$(dirname "$0")/startup-table.py" "$out"/*.json
