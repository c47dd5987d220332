package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.PreparedStatement;

/** Data a Java migration adds: replayed through Flyway's API with the project's classes. */
public class V3__Seed_books extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement("insert into books (title) values (?)")) {
            insert.setString(1, context.getConfiguration().getPlaceholders().get("seed_title"));
            insert.executeUpdate();
        }
    }
}
