import javax.sql.DataSource

// Every column of every table, every row count, the whole Flyway history: what "unchanged" means.
// Evaluated by setup.groovy and verify.groovy, which get this closure back.
return { DataSource db ->
        def lines = []
        db.connection.withCloseable { c ->
            def rs = c.createStatement().executeQuery("""
                select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
                       || ' ' || coalesce(character_maximum_length::text, '')
                from information_schema.columns where table_schema = 'public' order by 1""")
            while (rs.next()) lines << rs.getString(1)
            rs = c.createStatement().executeQuery("select count(*) || ' books' from books")
            while (rs.next()) lines << rs.getString(1)
            rs = c.createStatement().executeQuery("""
                select installed_rank || ' ' || version || ' ' || checksum || ' ' || success
                from flyway_schema_history order by installed_rank""")
            while (rs.next()) lines << rs.getString(1)
            rs = c.createStatement().executeQuery("select count(*) || ' objects' from pg_class where relnamespace = 'public'::regnamespace")
            while (rs.next()) lines << rs.getString(1)
        }
        lines.join('\n')
}
