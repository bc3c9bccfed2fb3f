/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.bench;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Spring Boot context of {@code proxy_end_to_end}: auto-configuration and the task
 * bean, nothing scanned.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(BenchTasks.class)
class ProxyBenchApplication {

}
