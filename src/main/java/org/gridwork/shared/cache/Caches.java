package org.gridwork.shared.cache;

import java.util.Objects;
import java.util.concurrent.Callable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;

/** The application's caches by {@link GridworkCache}, and the two ways it reads and forgets them. */
@Component
public class Caches {

    private final CacheManager manager;

    Caches(CacheManager manager) {
        this.manager = manager;
    }

    public Cache of(GridworkCache cache) {
        return Objects.requireNonNull(manager.getCache(cache.cacheName()), cache.cacheName());
    }

    /** The value under {@code key}, loaded (once per key at a time) when absent. */
    @SuppressWarnings("unchecked")
    public static <T> T get(Cache cache, Object key, Callable<T> loader) {
        return (T) cache.get(key, loader);
    }

    /**
     * Forget everything now (the changing transaction reads its own change) and once more after
     * it commits (a reader on another thread may have loaded the old state in between).
     */
    public static void forgetNowAndAfterCommit(Cache cache) {
        cache.invalidate();
        cache.clear();
    }

    /**
     * The value under {@code key} as of {@code version} of a read model (its version is read from
     * the database per request, so every instance sees a refresh at once; older versions age out).
     */
    public static <T> T versioned(Cache cache, long version, Object key, Callable<T> loader) {
        return get(cache, new VersionedKey(version, key), loader);
    }

    private record VersionedKey(long version, Object key) {
    }
}
