package dev.restock.wmsbridge;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything the bridge needs to run, already checked. Main builds it from the command line;
 * tests build it directly.
 *
 * @param password the table's password itself (read from the environment by Main), or null
 * @param secrets the webhook subscription secrets ({@code whsec_...}); two during a rotation
 * @param wmsUrl the WMS API, or null to run the simulated WMS inside the bridge under /wms
 * @param autoReceive the simulated WMS receives every order in full as soon as it takes it
 */
record BridgeConfig(
        String jdbcUrl,
        String user,
        String password,
        String table,
        String bindAddress,
        int port,
        List<String> secrets,
        Duration pollInterval,
        URI wmsUrl,
        boolean autoReceive) {

    BridgeConfig {
        secrets = List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "BridgeConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", table=" + table + ", port=" + port
                + ", secrets=" + secrets.size() + " (masked), pollInterval=" + pollInterval + ", wmsUrl="
                + (wmsUrl == null ? "embedded" : wmsUrl) + ", autoReceive=" + autoReceive + "]";
    }
}
