package org.gridwork.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties({UploadSettings.class, MapTiles.class, PublicUrl.class})
class WebConfig implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    /**
     * Every module keeps its own bundle under {@code messages/}: {@code messages/territory.properties}
     * (English) beside {@code messages/territory_zh_CN.properties}. All are found at start-up, so
     * adding a module needs no change here.
     */
    @Bean
    MessageSource messageSource() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*.properties");
        String[] basenames = Arrays.stream(found)
                .map(Resource::getFilename)
                .filter(n -> n != null && !n.contains("_"))
                .map(n -> "classpath:messages/" + n.substring(0, n.length() - ".properties".length()))
                .distinct()
                .sorted()
                .toArray(String[]::new);
        ReloadableResourceBundleMessageSource source = new ReloadableResourceBundleMessageSource();
        source.setBasenames(basenames);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    /** Chosen language in a cookie; without one, the browser's Accept-Language; without that, Chinese. */
    @Bean
    LocaleResolver localeResolver(ObjectProvider<ServerProperties> server) {
        // Secure exactly when the session cookie is (server.servlet.session.cookie.secure, Boot's own setting)
        ServerProperties settings = server.getIfAvailable();
        boolean secure = settings != null && Boolean.TRUE.equals(settings.getServlet().getSession().getCookie().getSecure());
        CookieLocaleResolver resolver = new CookieLocaleResolver("gridwork-lang");
        // no script reads it; Secure behind HTTPS like the session cookie
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSecure(secure);
        resolver.setDefaultLocaleFunction(request -> {
            String header = request.getHeader("Accept-Language");
            if (header == null || header.isBlank()) {
                return CHINESE;
            }
            return request.getLocale().getLanguage().equals("zh") ? CHINESE : Locale.ENGLISH;
        });
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Boot registers ResourceUrlEncodingFilter because the WebJars resolver makes a resource
     * chain, and it then tries to resolve every link a page builds (navigation, lists) as a static
     * file in the jar, uncached when not found: about 100 ms per page. We use no versioned resource
     * URLs, so links need no rewriting; WebJars paths still resolve in the resource handler.
     */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor resourceUrlEncodingFilterOff() {
        return new org.springframework.beans.factory.config.BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof org.springframework.boot.web.servlet.FilterRegistrationBean<?> registration
                        && registration.getFilter() instanceof org.springframework.web.servlet.resource.ResourceUrlEncodingFilter) {
                    registration.setEnabled(false);
                }
                return bean;
            }
        };
    }

    @org.springframework.beans.factory.annotation.Autowired
    private UploadSettings uploads;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UploadLimits(uploads.maxSize(), uploads.divisionsMaxSize()));
        registry.addInterceptor(new MultipartControlCharacters());
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        // ?lang=<garbage> (scanners, mistyped links) keeps the current language instead of a 500
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
