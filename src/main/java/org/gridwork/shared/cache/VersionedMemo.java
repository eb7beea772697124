package org.gridwork.shared.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values worked out from data that change only all at once, at a moment with a number (a read
 * model refreshed on a schedule): kept until a newer version is asked for, then all dropped.
 * Computed outside any lock, so two threads may work out the same value once each; an older
 * version than the one held (a request that read before a refresh committed) is answered
 * without being kept. At most {@code maxEntries} are kept per version; beyond, values are
 * computed every time.
 */
public final class VersionedMemo<K, V> {

    private record Generation<K, V>(long version, ConcurrentHashMap<K, V> values) {
    }

    private final int maxEntries;
    private volatile Generation<K, V> current = new Generation<>(Long.MIN_VALUE, new ConcurrentHashMap<>());

    public VersionedMemo(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public V get(long version, K key, Supplier<V> compute) {
        Generation<K, V> held = current;
        if (version > held.version()) {
            held = moveTo(version);
        }
        if (version != held.version()) {
            return compute.get();
        }
        V value = held.values().get(key);
        if (value == null) {
            value = compute.get();
            if (held.values().size() < maxEntries) {
                held.values().putIfAbsent(key, value);
            }
        }
        return value;
    }

    private synchronized Generation<K, V> moveTo(long version) {
        if (version > current.version()) {
            current = new Generation<>(version, new ConcurrentHashMap<>());
        }
        return current;
    }
}
