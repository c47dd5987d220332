package io.schemadiff.model;

import java.util.List;

/**
 * The desired schema as Hibernate states it.
 *
 * @param ddl              Hibernate's own create statements for the model, in its order
 * @param sources          where each table and column comes from
 * @param hibernateVersion the Hibernate ORM version that produced {@code ddl}
 * @param defaultSchema    the schema unqualified tables land in
 */
public record EntityModel(List<String> ddl, SourceMap sources, String hibernateVersion, String defaultSchema) {

    public EntityModel {
        ddl = List.copyOf(ddl);
    }
}
