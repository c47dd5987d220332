package io.schemadiff.model;

import java.util.List;

/**
 * The desired schema as Hibernate states it.
 *
 * @param ddl              Hibernate's own create statements for the model, in its order
 * @param sources          where each table and column comes from
 * @param hibernateVersion the Hibernate ORM version that produced {@code ddl}
 * @param defaultSchema    the schema unqualified tables land in
 * @param origin           whose Hibernate ORM that is
 */
public record EntityModel(List<String> ddl, SourceMap sources, String hibernateVersion, String defaultSchema,
                          Origin origin) implements java.io.Serializable {

    /** The project's own Hibernate ORM (found on its classpath), or the one the plugin ships. */
    public enum Origin {
        PROJECT("the project's own"),
        PLUGIN("the plugin's; the project has no Hibernate ORM 6 or 7 on its classpath");

        private final String description;

        Origin(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    public EntityModel {
        ddl = List.copyOf(ddl);
    }

    EntityModel from(Origin other) {
        return new EntityModel(ddl, sources, hibernateVersion, defaultSchema, other);
    }

    /** e.g. "Hibernate ORM 7.4.13.Final (the project's own)". */
    public String producedBy() {
        return "Hibernate ORM " + hibernateVersion + " (" + origin.description() + ")";
    }
}
