package org.gridwork.shared.cache;

import java.util.Arrays;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.cache.transaction.TransactionAwareCacheManagerProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Spring Cache over Caffeine: one bounded cache per {@link GridworkCache}, evictions after commit. */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CacheConfiguration {

    @Bean
    CacheManager cacheManager() {
        SimpleCacheManager caches = new SimpleCacheManager();
        caches.setCaches(Arrays.stream(GridworkCache.values()).map(CacheConfiguration::build).toList());
        caches.initializeCaches();
        return new TransactionAwareCacheManagerProxy(caches);
    }

    private static CaffeineCache build(GridworkCache spec) {
        // statistics recorded: Actuator's cache metrics bind to every cache (and warn at start-up without them)
        Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(spec.maximumSize()).recordStats();
        builder = spec.versioned() ? builder.expireAfterAccess(spec.lifetime()) : builder.expireAfterWrite(spec.lifetime());
        return new CaffeineCache(spec.cacheName(), builder.build());
    }
}
