/**
 * The "Fields the Args do not have" table of docs/naming.md lists the children a `transforms` option can match, by
 * type and logical name. Those names are public API; this test plans one load balancer per scope and
 * checks every row against what is registered.
 */
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ApplicationLoadBalancer } from "../../components/load-balancer";
import { installMocks, Recorder, settle } from "../../components/testing/mocks";

const CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
const KEY = "-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n";

interface ChildRow {
    child: string;
    globalType: string;
    regionalType: string;
    name: string;
}

function childRows(): ChildRow[] {
    const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "naming.md"), "utf8");
    const section = /<!-- children-table:start -->([\s\S]*?)<!-- children-table:end -->/.exec(readme);
    assert.ok(section, "docs/naming.md has the children table markers");
    return section[1]
        .trim()
        .split("\n")
        .slice(2)
        .map((line) => line.split("|").map((cell) => cell.trim().replace(/`/g, "")))
        .map((cells) => ({ child: cells[1], globalType: cells[2], regionalType: cells[3], name: cells[4] }));
}

/** The logical name of a row for the planned load balancer "shop": Cloud Run backend "web", bucket "site". */
function logicalName(row: ChildRow): string {
    const key = /bucket/i.test(row.child) ? "site" : "web";
    return row.name.replace("<name>", "shop").replace("<key>", key);
}

function registered(recorder: Recorder, type: string, name: string): boolean {
    return recorder.resources.some((r) => r.type === type && r.name === name);
}

describe("docs/naming.md: the children a transform can match", () => {
    const rows = childRows();

    it("lists the children of both scopes", () => {
        assert.ok(rows.length >= 9, `rows: ${rows.map((r) => r.child).join(", ")}`);
    });

    describe("on a global external load balancer", () => {
        let recorder: Recorder;
        before(async () => {
            recorder = installMocks();
            new ApplicationLoadBalancer("shop", {
                scheme: "global-external",
                backends: {
                    web: { cloudRun: { service: "web", region: "europe-west1" } },
                    site: { bucket: { create: { location: "EU" } } },
                },
                routes: [{ paths: ["/static/*"], backend: "site" }],
                defaultBackend: "web",
                https: { managedDomains: ["shop.example.com"] },
            });
            await settle();
        });

        for (const row of rows) {
            it(`${row.child}: ${row.globalType} ${row.name}`, () => {
                assert.ok(
                    registered(recorder, row.globalType, logicalName(row)),
                    `no ${row.globalType} named ${logicalName(row)}`,
                );
            });
        }
    });

    describe("on a regional internal load balancer", () => {
        let recorder: Recorder;
        before(async () => {
            recorder = installMocks();
            new ApplicationLoadBalancer("shop", {
                scheme: "regional-internal",
                region: "europe-west1",
                backends: { web: { cloudRun: { service: "web" } } },
                https: { certificate: { certificate: CERT, privateKey: KEY }, redirectHttp: true },
            });
            await settle();
        });

        for (const row of rows.filter((r) => r.regionalType !== "—")) {
            const type = row.regionalType === "same" ? row.globalType : row.regionalType;
            it(`${row.child}: ${type} ${row.name}`, () => {
                assert.ok(registered(recorder, type, logicalName(row)), `no ${type} named ${logicalName(row)}`);
            });
        }
    });
});
