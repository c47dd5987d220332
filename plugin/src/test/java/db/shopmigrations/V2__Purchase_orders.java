package db.shopmigrations;

import io.schemadiff.fixtures.shop.ShopMigrations;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A Java migration, as projects write them for what SQL cannot do: compiled with the project, replayed by Flyway. */
public class V2__Purchase_orders extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(ShopMigrations.ORDERS);
        }
    }
}
