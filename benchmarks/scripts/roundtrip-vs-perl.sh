#!/bin/sh
# Issue 16, cost per check side by side on the real stack (scripts/mailstack, plain SMTP + POP3 USER/PASS,
# IMAP for check_email_delivery): the plugin before (a plugin folder built from an earlier commit, passed as
# BEFORE=folder) and after (this build), each with the dynamic archive on Java 17 and the AOT cache on
# Java 25 (every folder's archive is rebuilt by its own generate-cds), against check_email_loop (Perl, one
# public script: pass its path, it is never committed here) and check_email_delivery (Perl,
# monitoring-plugins-contrib), and the JVM's floor: an empty main (prints one line) with the launcher's
# flags and the JDK's own CDS archive. Runs interleave, one of each per round (A/B pairs on a loaded
# machine), and each run's wall and CPU (user + sys) comes from /usr/bin/time; the summary prints medians
# and the ratios to check_email_loop. check_email_loop (v1.4.7) ignores --popport for POP3, so the port
# goes into --pophost (IO::Socket::INET takes host:port); each of its runs sends one probe and collects the
# previous one, which is its normal cost per check.
#
# Usage (repository root, after ./mvnw -B -q -pl nagios-adapter -am package -DskipTests, stack running and
# eval "$(scripts/mailstack env)"):
#   [BEFORE=/path/to/older/check_smtp_pop3_roundtrip] \
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
rm -rf "$out/after17" "$out/after25" "$out/before17" "$out/before25" "$out/floor"
host=$MAILTRIP_STACK_HOST
domain=$MAILTRIP_STACK_DOMAIN
smtp=$MAILTRIP_STACK_SMTP_NOTLS_PORT
pop3=$MAILTRIP_STACK_POP3_NOTLS_PORT
imap=$MAILTRIP_STACK_IMAP_PORT
pw=$MAILTRIP_STACK_SPARE_PASSWORD

# Plugin folders, each with the archive its own generate-cds writes for its Java: after (this build) and,
# when BEFORE names one, before; Java 17 (dynamic archive) and Java 25 (AOT cache).
folder() { # source name java
    cp -a "$1" "$out/$2"; rm -f "$out/$2/lib/"*.jsa "$out/$2/lib/"*.aot
    MAILTRIP_JAVA=$3 "$out/$2/generate-cds" >/dev/null 2>&1 || true
}
folder "$built" after17 "$java17"
[ -x "$java25" ] && folder "$built" after25 "$java25"
if [ -n "${BEFORE:-}" ]; then
    folder "$BEFORE" before17 "$java17"
    [ -x "$java25" ] && folder "$BEFORE" before25 "$java25"
fi
# The floor: what any JVM check costs before it does anything, with the launcher's flags.
mkdir -p "$out/floor"
printf 'public class Floor { public static void main(String[] a) { System.out.println("OK"); } }\n' >"$out/floor/Floor.java"
"${java17%/java}/javac" --release 17 -d "$out/floor" "$out/floor/Floor.java"
lean="-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseSerialGC -Xmx96m -Xss512k -XX:-UsePerfData"

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
    for variant in before17 after17 before25 after25; do
        [ -d "$out/$variant" ] || continue
        case $variant in *17) java=$java17 ;; *) java=$java25 ;; esac
        run "plugin_$variant" env MAILTRIP_JAVA="$java" MAILTRIP_POP3_PASSWORD="$pw" \
            "$out/$variant/check_smtp_pop3_roundtrip" -H "$host" --smtp-port "$smtp" --smtp-security none \
            --pop3-port "$pop3" --pop3-security none --from "probe3@$domain" --to "probe3@$domain" \
            --pop3-user "probe3@$domain" --pop3-auth password -t 30
    done
    # shellcheck disable=SC2086 # $lean: JVM options, none with a space
    run floor_java17 "$java17" $lean -Xshare:auto -cp "$out/floor" Floor
    # shellcheck disable=SC2086
    [ -x "$java25" ] && run floor_java25 "$java25" $lean -Xshare:auto -cp "$out/floor" Floor
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
