/**
 * The settings a project already has, read without Maven: Spring Boot's
 * {@code application.properties}/{@code .yml} ({@link io.schemadiff.config.ApplicationProperties}),
 * the Hibernate properties Spring Boot derives from them
 * ({@link io.schemadiff.config.SpringBootHibernate}), a Quarkus application's
 * {@code application.properties} ({@link io.schemadiff.config.QuarkusProperties},
 * {@link io.schemadiff.config.QuarkusHibernate}), {@code META-INF/persistence.xml}
 * ({@link io.schemadiff.config.PersistenceXml}) and {@code hibernate.cfg.xml}
 * ({@link io.schemadiff.config.HibernateCfgXml}), and Flyway's settings from {@code flyway.conf},
 * {@code spring.flyway.*}, {@code quarkus.flyway.*} or the flyway-maven-plugin's configuration
 * ({@link io.schemadiff.config.FlywaySettings}).
 */
package io.schemadiff.config;
