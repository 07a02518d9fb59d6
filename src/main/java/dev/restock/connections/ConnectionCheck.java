package dev.restock.connections;

import java.util.List;

/** What testing a connection found: each table it saves to, checked against the contract. */
public record ConnectionCheck(String connection, List<Table> tables) {

    public ConnectionCheck {
        tables = List.copyOf(tables);
    }

    /**
     * One table of the connection.
     *
     * @param problem why the table could not be read (missing, no privilege), or null
     * @param missing required contract columns the table lacks
     * @param fix the DDL that would create the table or add the missing columns
     * @param privilegesMissing what Restock needs but may not do: {@code INSERT}, {@code DELETE}
     * @param notes what is fine but may be worth a look, such as an UPDATE grant Restock never uses;
     *     a note never makes the table not ok
     */
    public record Table(
            String name,
            String problem,
            List<ContractColumn> missing,
            List<String> fix,
            List<String> privilegesMissing,
            List<String> notes) {

        public Table {
            missing = List.copyOf(missing);
            fix = List.copyOf(fix);
            privilegesMissing = List.copyOf(privilegesMissing);
            notes = List.copyOf(notes);
        }

        public boolean ok() {
            return problem == null && missing.isEmpty() && privilegesMissing.isEmpty();
        }
    }

    public boolean ok() {
        return tables.stream().allMatch(Table::ok);
    }
}
