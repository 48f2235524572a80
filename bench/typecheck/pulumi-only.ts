// Consumer type-check baseline: a stack program importing only @pulumi/pulumi.
import * as pulumi from "@pulumi/pulumi";

export const greeting = pulumi.output("hello");
