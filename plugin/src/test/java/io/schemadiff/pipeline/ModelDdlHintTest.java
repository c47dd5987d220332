package io.schemadiff.pipeline;

import io.schemadiff.core.Dialect;
import io.schemadiff.testing.SharedMariaDb;
import io.schemadiff.testing.SharedPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each hint is chosen from the database's real error for a statement of the kind Hibernate writes. */
class ModelDdlHintTest {

    private static String postgresError(String ddl) throws SQLException {
        try (SharedPostgres.Database database = SharedPostgres.newDatabase("ddl_hint")) {
            return errorOf(database, ddl);
        }
    }

    private static String mariadbError(String ddl) throws SQLException {
        try (SharedPostgres.Database database = SharedPostgres.Database.create(SharedMariaDb.embedded(), "ddl_hint")) {
            return errorOf(database, ddl);
        }
    }

    private static String errorOf(SharedPostgres.Database database, String ddl) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            return assertThrows(SQLException.class, () -> statement.execute(ddl)).getMessage();
        }
    }

    @Test
    void aReservedWordAsTableNameOnPostgres() throws SQLException {
        String ddl = "create table order (id bigint not null, primary key (id))";
        String hint = ModelDdlHint.of(ddl, postgresError(ddl), Dialect.POSTGRESQL);
        assertTrue(hint.startsWith("`order` is a reserved word in PostgreSQL"), hint);
        assertTrue(hint.contains("hibernate.auto_quote_keyword=true"), hint);
    }

    @Test
    void aReservedWordAsColumnNameOnMariaDb() throws SQLException {
        String ddl = "create table Purchase (id bigint not null, order integer, primary key (id)) engine=InnoDB";
        String hint = ModelDdlHint.of(ddl, mariadbError(ddl), Dialect.MARIADB);
        assertTrue(hint.startsWith("`order` is a reserved word in MariaDB"), hint);
    }

    @Test
    void aVarcharWithoutLengthOnMariaDbIsNotCalledAReservedWord() throws SQLException {
        String ddl = "create table Note (id bigint not null, body VARCHAR, primary key (id)) engine=InnoDB";
        String hint = ModelDdlHint.of(ddl, mariadbError(ddl), Dialect.MARIADB);
        assertTrue(hint.startsWith("`VARCHAR` has no length, which MariaDB requires"), hint);
        assertTrue(hint.contains("@Column(columnDefinition = \"VARCHAR\")"), hint);
        assertFalse(hint.contains("reserved"), hint);
    }

    @Test
    void aTypeOfAnotherDatabaseOnPostgres() throws SQLException {
        String ddl = "create table Note (id bigint not null, body nvarchar2(40), primary key (id))";
        String hint = ModelDdlHint.of(ddl, postgresError(ddl), Dialect.POSTGRESQL);
        assertTrue(hint.startsWith("`nvarchar2` is not a PostgreSQL type"), hint);
    }

    @Test
    void anythingElseGetsTheGeneralAdvice() throws SQLException {
        String ddl = "create table Note (id bigint not null, body varchar(10) check (lenn(body) > 0), primary key (id))";
        String hint = ModelDdlHint.of(ddl, postgresError(ddl), Dialect.POSTGRESQL);
        assertTrue(hint.startsWith("Hibernate passes columnDefinition, @Check and @ColumnDefault to PostgreSQL as written"),
                hint);
    }
}
