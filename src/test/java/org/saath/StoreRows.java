package org.saath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.saath.store.Database;

/**
 * Every row of every table of a store, SQLite or PostgreSQL (Flyway's own history excepted), each row's columns
 * joined with {@code |}: what "nothing about the person stays" is checked against, whatever tables exist now or
 * are added later.
 */
public final class StoreRows {

    private StoreRows() {
    }

    public static Map<String, List<String>> of(Database db) {
        return db.read(sql -> {
            List<String> tables = sql.list(db.dialect() == Database.Dialect.SQLITE
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                    : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
                    rs -> rs.getString(1));
            Map<String, List<String>> rows = new TreeMap<>();
            for (String table : tables) {
                if (!table.equals("flyway_schema_history")) {
                    rows.put(table, sql.list("SELECT * FROM " + table, rs -> {
                        List<String> values = new ArrayList<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            values.add(String.valueOf(rs.getString(i)));
                        }
                        return String.join("|", values);
                    }));
                }
            }
            return rows;
        });
    }
}
