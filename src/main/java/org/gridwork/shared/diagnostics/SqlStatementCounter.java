package org.gridwork.shared.diagnostics;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

/**
 * Counts the SQL statements the current thread executes, so that tests and the benchmark can see
 * how many statements one request costs (and catch N+1 queries). Wraps the DataSource in JDK
 * proxies; active only when {@code gridwork.diagnostics.sql-count=true}.
 */
public final class SqlStatementCounter {

    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    private SqlStatementCounter() {
    }

    public static void reset() {
        COUNT.get()[0] = 0;
    }

    public static int current() {
        return COUNT.get()[0];
    }

    static DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, result) ->
                result instanceof Connection c && method.getName().equals("getConnection")
                        ? proxy(Connection.class, c, SqlStatementCounter::wrapStatements) : result);
    }

    private static Object wrapStatements(Method method, Object result) {
        String name = method.getName();
        if (result instanceof Statement s
                && (name.equals("prepareStatement") || name.equals("createStatement") || name.equals("prepareCall"))) {
            Class<?> type = method.getReturnType();
            return proxy(type, s, (m, r) -> {
                if (m.getName().startsWith("execute")) {
                    COUNT.get()[0]++;
                }
                return r;
            });
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, AfterCall after) {
        InvocationHandler handler = (p, method, args) -> {
            String name = method.getName();
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return method.invoke(target, args);
            }
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @FunctionalInterface
    private interface AfterCall {
        Object apply(Method method, Object result) throws Throwable;
    }
}
