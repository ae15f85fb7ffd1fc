package org.cleanmail.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** {@code ./cleanmail scan|learn|eval|bench|eval-peers ...}: CleanMail's engine on the command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            return usage(err, "name a command");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "scan":
                    return new ScanCommand(out, err).run(rest);
                case "learn":
                    return new LearnCommand(err).run(rest);
                case "eval":
                    return new EvalCommand(out, err).run(rest);
                case "bench":
                    return new BenchCommand(out, err).run(rest);
                case "eval-peers":
                    return new EvalPeersCommand(out, err).run(rest);
                default:
                    return usage(err, "unknown command " + args[0]);
            }
        } catch (UsageException e) {
            return usage(err, e.getMessage());
        } catch (Exception e) {
            err.println("cleanmail " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("cleanmail: " + problem);
        err.println("usage: ./cleanmail " + ScanCommand.USAGE);
        err.println("       ./cleanmail " + LearnCommand.USAGE);
        err.println("       ./cleanmail " + EvalCommand.USAGE);
        err.println("       ./cleanmail " + BenchCommand.USAGE);
        err.println("       ./cleanmail " + EvalPeersCommand.USAGE);
        return 2;
    }
}
