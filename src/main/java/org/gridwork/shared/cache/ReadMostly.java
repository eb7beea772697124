package org.gridwork.shared.cache;

import java.util.function.Supplier;


/**
 * A small table's contents held in memory (tag lists, category trees): loaded on first use,
 * reloaded when older than its lifetime, which bounds how long another instance's edit goes
 * unseen, and dropped at once by an edit made here (again after its transaction ends, so a
 * reload in between cannot keep what the transaction had not yet committed).
 */
public final class ReadMostly<T> {

    private record Loaded<T>(T value, long at) {
    }

    private final Supplier<T> loader;
    private final long lifetimeMillis;
    private volatile Loaded<T> loaded;

    public ReadMostly(long lifetimeMillis, Supplier<T> loader) {
        this.loader = loader;
        this.lifetimeMillis = lifetimeMillis;
    }

    public T get() {
        Loaded<T> current = loaded;
        long now = System.currentTimeMillis();
        if (current == null || now - current.at() > lifetimeMillis) {
            current = new Loaded<>(loader.get(), now);
            loaded = current;
        }
        return current.value();
    }

    public void invalidate() {
        Forget.nowAndAtTransactionEnd(() -> loaded = null);
    }
}
