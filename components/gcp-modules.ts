/**
 * The `@pulumi/gcp` modules only some load balancers use, each required the first time a resource of it is
 * created. Loading a module's index registers its dozens of classes, which every program paid at import, at
 * every `pulumi preview` and `up`, whether it used them or not (measured: bench/RESULTS.md). `@pulumi/gcp/compute` is used by every load balancer and
 * stays a plain import.
 *
 * A type the package's declarations name is imported from its class's own file (`import type { Bucket } from
 * "@pulumi/gcp/storage/bucket"`): the module's index would make every consumer's type-check read all of the
 * module's declarations.
 */
import type * as certificatemanager from "@pulumi/gcp/certificatemanager";
import type * as cloudrunv2 from "@pulumi/gcp/cloudrunv2";
import type * as dns from "@pulumi/gcp/dns";
import type * as iap from "@pulumi/gcp/iap";
import type * as organizations from "@pulumi/gcp/organizations";
import type * as projects from "@pulumi/gcp/projects";
import type * as storage from "@pulumi/gcp/storage";

export const optionalGcp = {
    get certificatemanager(): typeof certificatemanager {
        return require("@pulumi/gcp/certificatemanager");
    },
    get cloudrunv2(): typeof cloudrunv2 {
        return require("@pulumi/gcp/cloudrunv2");
    },
    get dns(): typeof dns {
        return require("@pulumi/gcp/dns");
    },
    get iap(): typeof iap {
        return require("@pulumi/gcp/iap");
    },
    get organizations(): typeof organizations {
        return require("@pulumi/gcp/organizations");
    },
    get projects(): typeof projects {
        return require("@pulumi/gcp/projects");
    },
    get storage(): typeof storage {
        return require("@pulumi/gcp/storage");
    },
};
