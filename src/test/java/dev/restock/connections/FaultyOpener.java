package dev.restock.connections;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A {@link ConnectionOpener} whose connections fail where a test says: a statement matching a
 * pattern fails instead of running, or runs and then reports a failure (the answer was lost).
 * Each armed fault fires once. Not thread-safe; one per test.
 */
final class FaultyOpener extends ConnectionOpener {

    /** What a firing fault does to the call. */
    enum Effect {
        /** The call is not made; the driver reports an error. */
        FAIL,
        /** The call is made, then an error is reported: the outcome looks unknown. */
        LOSE_ANSWER,
        /** The call is made after the test's action ran, e.g. expiring a session token. */
        ACT_FIRST
    }

    private record Armed(Pattern sql, int skip, Effect effect, Runnable action) {}

    private static final Set<String> EXECUTE_METHODS =
            Set.of("execute", "executeUpdate", "executeQuery", "executeBatch", "executeLargeUpdate");

    private final List<Armed> armed = new ArrayList<>();
    private int refusals;
    private int opens;
    private final List<String> statements = new ArrayList<>();
    private final List<Integer> skipped = new ArrayList<>();

    /** Arms a fault for the first statement (or "commit") matching {@code regex}. */
    FaultyOpener fail(String regex, Effect effect) {
        return fail(regex, 0, effect);
    }

    /** Arms a fault for the match after {@code skip} earlier matches. */
    FaultyOpener fail(String regex, int skip, Effect effect) {
        armed.add(new Armed(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), skip, effect, () -> {}));
        skipped.add(0);
        return this;
    }

    /** Runs {@code action} just before the first statement matching {@code regex} is made. */
    FaultyOpener before(String regex, Runnable action) {
        armed.add(new Armed(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), 0, Effect.ACT_FIRST, action));
        skipped.add(0);
        return this;
    }

    /** The next open fails as a server that refuses the connection would; no statement runs. */
    FaultyOpener refuseToConnect() {
        refusals++;
        return this;
    }

    /** How many times a connection was asked for, refused or not. */
    int opens() {
        return opens;
    }

    /** Every statement executed through this opener, and "commit" for each commit. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public java.sql.Connection open(Connection connection) throws SQLException {
        opens++;
        if (refusals > 0) {
            refusals--;
            throw new SQLTransientConnectionException("Injected refusal to connect", "08001");
        }
        java.sql.Connection real = super.open(connection);
        return proxy(java.sql.Connection.class, (target, method, args) -> {
            if (method.getName().equals("commit")) {
                return call(real, method, args, "commit");
            }
            if (method.getName().equals("unwrap") && args[0] == PGConnection.class) {
                return proxy(
                        PGConnection.class,
                        (t, m, a) -> m.getName().equals("getCopyAPI")
                                ? copyManager(real.unwrap(BaseConnection.class))
                                : invoke(real.unwrap(PGConnection.class), m, a));
            }
            Object result = invoke(real, method, args);
            if (method.getName().equals("prepareStatement")) {
                return proxy(PreparedStatement.class, statementHandler((PreparedStatement) result, (String) args[0]));
            }
            if (method.getName().equals("createStatement")) {
                java.sql.Statement statement = (java.sql.Statement) result;
                return proxy(
                        java.sql.Statement.class,
                        (t, m, a) -> EXECUTE_METHODS.contains(m.getName())
                                ? call(statement, m, a, (String) a[0])
                                : invoke(statement, m, a));
            }
            return result;
        });
    }

    /** A COPY counts as made when it ends: that is when the server writes the rows. */
    private CopyManager copyManager(BaseConnection real) throws SQLException {
        return new CopyManager(real) {
            @Override
            public CopyIn copyIn(String sql) throws SQLException {
                CopyIn copy = super.copyIn(sql);
                return proxy(CopyIn.class, (t, m, a) -> {
                    try {
                        return m.getName().equals("endCopy") ? call(copy, m, a, sql) : invoke(copy, m, a);
                    } catch (SQLException e) {
                        throw e;
                    } catch (Throwable e) {
                        throw new SQLException(e);
                    }
                });
            }
        };
    }

    private InvocationHandler statementHandler(PreparedStatement statement, String sql) {
        return (target, method, args) -> EXECUTE_METHODS.contains(method.getName()) && args == null
                ? call(statement, method, args, sql)
                : invoke(statement, method, args);
    }

    private Object call(Object target, Method method, Object[] args, String sql) throws Throwable {
        statements.add(sql);
        Armed fired = firing(sql);
        Effect effect = fired == null ? null : fired.effect();
        if (effect == Effect.ACT_FIRST) {
            fired.action().run();
        }
        if (effect == Effect.FAIL) {
            throw new SQLTransientConnectionException("Injected failure before: " + brief(sql));
        }
        Object result = invoke(target, method, args);
        if (effect == Effect.LOSE_ANSWER) {
            throw new SQLTransientConnectionException("Injected lost answer after: " + brief(sql));
        }
        return result;
    }

    private Armed firing(String sql) {
        Iterator<Armed> iterator = armed.iterator();
        int index = 0;
        while (iterator.hasNext()) {
            Armed candidate = iterator.next();
            if (candidate.sql().matcher(sql).find()) {
                if (skipped.get(index) < candidate.skip()) {
                    skipped.set(index, skipped.get(index) + 1);
                    return null;
                }
                iterator.remove();
                skipped.remove(index);
                return candidate;
            }
            index++;
        }
        return null;
    }

    private static String brief(String sql) {
        return sql.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FaultyOpener.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
