/*
 * Copyright 2026 the Cleo authors.
 */
package dev.cleo.sample.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sample's one user ({@code sample.security.*}).
 *
 * @param adminPassword the password of the user {@code admin}, who holds
 * {@code CLEO_ADMIN}. {@code admin} by default: change it anywhere but on a laptop. As
 * with Spring Boot's {@code spring.security.user.password}, a value with an encoder
 * prefix (such as <code>{bcrypt}$2a$10$...</code>) is used as it is, and a plain value is
 * compared as given
 */
@ConfigurationProperties("sample.security")
public record SampleSecurityProperties(@DefaultValue("admin") String adminPassword) {

}
