package io.mailtrip.bench;

/** Positional arguments of the benchmark mains, each with its default when not given. */
final class BenchArgs {

    private BenchArgs() {
    }

    static int integer(String[] args, int index, int absent) {
        return args.length > index ? Integer.parseInt(args[index]) : absent;
    }
}
