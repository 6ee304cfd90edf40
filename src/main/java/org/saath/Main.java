package org.saath;

import java.io.PrintWriter;

import org.saath.cli.ChatCommand;
import org.saath.cli.ClassifyCommand;
import org.saath.cli.CounsellorsCommand;
import org.saath.cli.ErrorLine;
import org.saath.cli.EvaluateCommand;
import org.saath.cli.ExportCommand;
import org.saath.cli.ForgetCommand;
import org.saath.cli.HealthCommand;
import org.saath.cli.HelplinesCommand;
import org.saath.cli.ModelsCommand;
import org.saath.cli.PromoteCommand;
import org.saath.cli.ReplayCommand;
import org.saath.cli.ReportCommand;
import org.saath.cli.ServeCommand;
import org.saath.cli.TrainCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code saath} command line. Exit codes: 0 success, 1 data, model or configuration error (one readable line
 * on stderr), 2 usage error. The only place that calls {@link System#exit}.
 */
@Command(name = "saath", mixinStandardHelpOptions = true, version = "saath 0.1.0",
        description = "Routes people in distress to the right mental-health help.",
        subcommands = {ServeCommand.class, ChatCommand.class, ClassifyCommand.class, EvaluateCommand.class,
                TrainCommand.class, HelplinesCommand.class, ModelsCommand.class,
                PromoteCommand.class, ExportCommand.class, ForgetCommand.class, CounsellorsCommand.class,
                ReplayCommand.class, ReportCommand.class, HealthCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        helpEverywhere(cli);
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("saath: " + ErrorLine.of(e));
            err.flush();
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * A usage error, from parsing or from a command's own check: one line naming the option and what it takes, and
     * where the usage is (the full usage would bury that line), then exit 2. A mistyped option or command still
     * gets picocli's "Did you mean" suggestions.
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("saath: " + e.getMessage() + " (see `" + command.getCommandSpec().qualifiedName() + " --help`)");
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Every command and subcommand answers --help and --version, including ones added later. */
    private static void helpEverywhere(CommandLine command) {
        command.getSubcommands().values().forEach(sub -> {
            if (!(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
                helpEverywhere(sub);
            }
        });
    }
}
