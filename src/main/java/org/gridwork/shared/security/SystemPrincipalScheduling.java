package org.gridwork.shared.security;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;

/**
 * Scheduled jobs (time limits, purges, the audit chain check, the roll-up refresher) run as the
 * system principal: whatever they call is checked like any other caller. Only the scheduler is
 * decorated, not the executor of asynchronous event listeners.
 */
@Configuration(proxyBeanMethods = false)
class SystemPrincipalScheduling {

    private static final TaskDecorator AS_SYSTEM = task -> () -> SystemPrincipal.run("scheduled job", task);

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledJobsRunAsSystem() {
        return scheduler -> scheduler.setTaskDecorator(AS_SYSTEM);
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer scheduledJobsRunAsSystemOnVirtualThreads() {
        return scheduler -> scheduler.setTaskDecorator(AS_SYSTEM);
    }
}
