package dev.restock.cli;

import dev.restock.RestockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.UnsatisfiedDependencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.convert.ConversionException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one clear line on standard error (and, with {@code --format json},
 * a JSON {@code errors} object on standard output: {@link ErrorReport}) and exit code 1. Restock's own
 * errors carry a message meant for the user; anything else is unexpected and gets its stack
 * trace in the debug log. A failure while the JVM stops (Ctrl-C) is reported as the
 * interruption, exit code 130 as a shell reports a command stopped by SIGINT.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

    private final CommandStop stop;

    FailureHandler(CommandStop stop) {
        this.stop = stop;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parse) {
        if (stop.stopping()) {
            // The pool or the embedded server closed under the command: whatever the driver says
            // about that is a consequence, not the cause. The stop may have reported it already.
            log.debug("Failure while stopping", exception);
            if (stop.claimReport()) {
                ErrorReport.print(command, parse.originalArgs().toArray(String[]::new), stop.message());
            }
            return CommandStop.INTERRUPTED;
        }
        RestockException known = findCause(exception, RestockException.class);
        if (known == null) {
            log.debug("Unexpected failure", exception);
        }
        ErrorReport.print(
                command,
                parse.originalArgs().toArray(String[]::new),
                known != null ? known.getMessage() : describe(exception));
        return 1;
    }

    /**
     * A setting that cannot be read as what it configures: its name, where it came from and what
     * it takes. Never its value, which may be a secret.
     */
    private static String badSetting(BindException e) {
        ConfigurationProperty property = e.getProperty();
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        Origin origin = property.getOrigin();
        if (origin instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null) {
            origin = wrapper.getOrigin(); // an environment variable's origin comes wrapped
        }
        String from = origin instanceof SystemEnvironmentOrigin environment
                ? " (environment variable " + environment.getProperty() + ")"
                : origin != null ? " (" + origin + ")" : "";
        return "while starting Restock: the setting " + property.getName() + from + " is not " + expected(type)
                + ". Correct it or remove it to use the default.";
    }

    /**
     * A setting injected with {@code @Value("${name:default}")} whose value cannot be converted
     * ({@code restock.jobs.poll-interval=5x}): named from the annotation, since the conversion
     * failure knows only the value. Null for any other failure.
     */
    private static String badInjectedSetting(Throwable exception) {
        UnsatisfiedDependencyException dependency = findCause(exception, UnsatisfiedDependencyException.class);
        TypeMismatchException mismatch = findCause(exception, TypeMismatchException.class);
        if (dependency == null || mismatch == null || dependency.getInjectionPoint() == null) {
            return null;
        }
        Value value = dependency.getInjectionPoint().getAnnotation(Value.class);
        if (value == null || !value.value().startsWith("${")) {
            return null;
        }
        String name = value.value().substring(2).split("[:}]", 2)[0];
        Class<?> type = mismatch.getRequiredType() != null ? mismatch.getRequiredType() : Object.class;
        return "while starting Restock: the setting " + name + " is not " + expected(type)
                + ". Correct it or remove it to use the default.";
    }

    private static String expected(Class<?> type) {
        if (type == java.math.BigDecimal.class || type == Double.class || type == double.class) {
            return "a decimal number such as 2.5";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number such as 10";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as 5m or PT5M";
        }
        return "a valid " + type.getSimpleName();
    }

    /** The first exception of {@code type} in the chain of causes, or null. */
    private static <T extends Throwable> T findCause(Throwable exception, Class<T> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        BindException setting = findCause(exception, BindException.class);
        if (setting != null) {
            // A value that could not be converted ("abc" for a number, "5 parsecs" for a duration)
            // is named by its setting; a value a settings record refused, in the record's words.
            if (findCause(exception, ConversionException.class) != null && setting.getProperty() != null) {
                return badSetting(setting);
            }
            if (root instanceof IllegalArgumentException) {
                return "while starting Restock: the setting " + root.getMessage()
                        + ". Correct it or remove it to use the default.";
            }
        }
        String injected = badInjectedSetting(exception);
        if (injected != null) {
            return injected;
        }
        String where = exception instanceof BeanCreationException ? "while starting Restock: " : "";
        return where + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
