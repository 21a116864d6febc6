package dev.guardrails.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code guardrails} command. Exit codes: 0 pass, 1 flagged or redacted, 2 blocked, 64 usage
 * error, 65 bad input data (invalid UTF-8, malformed JSONL line), 66 input file missing, 74 I/O
 * error, 70 internal error.
 */
@Command(
    name = "guardrails",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Checks what a language model is about to say: PII and secrets, biased phrasing, unverified claims.",
    subcommands = {ScanCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit code: usage error. */
  static final int EX_USAGE = 64;
  /** Exit code: input data malformed. */
  static final int EX_DATAERR = 65;
  /** Exit code: input file missing. */
  static final int EX_NOINPUT = 66;
  /** Exit code: internal error. */
  static final int EX_SOFTWARE = 70;
  /** Exit code: I/O error. */
  static final int EX_IOERR = 74;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the command line and exits with its code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line and returns its exit code (used by tests).
   *
   * @param args the arguments
   * @return the exit code
   */
  static int run(String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("guardrails: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'guardrails " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
      return EX_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
      c.getErr().println("guardrails: internal error: " + ex.getClass().getName());
      return EX_SOFTWARE;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command; use 'guardrails scan [FILE|-]'");
  }

  /** Prints the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"guardrails " + (v == null ? "dev" : v)};
    }
  }
}
