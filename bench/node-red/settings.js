// Node-RED settings for the benchmark: loopback only, no editor, the flow from this folder.
const path = require("path");

module.exports = {
    uiHost: "127.0.0.1",
    uiPort: parseInt(process.env.NODE_RED_PORT || "1880", 10),
    flowFile: path.join(__dirname, "flow.json"),
    flowFilePretty: true,
    httpAdminRoot: false,
    credentialSecret: false,
    functionExternalModules: true,
    diagnostics: { enabled: false, ui: false },
    telemetry: { enabled: false },
    logging: { console: { level: "warn", metrics: false, audit: false } },
    contextStorage: { default: { module: "memory" } }
};
