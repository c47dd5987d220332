/**
 * The settings a project already has, read without Maven: Spring Boot's
 * {@code application.properties}/{@code .yml} ({@link io.schemadiff.config.ApplicationProperties}),
 * the Hibernate properties Spring Boot derives from them
 * ({@link io.schemadiff.config.SpringBootHibernate}), and Flyway's settings from {@code flyway.conf},
 * {@code spring.flyway.*} or the flyway-maven-plugin's configuration
 * ({@link io.schemadiff.config.FlywaySettings}).
 */
package io.schemadiff.config;
