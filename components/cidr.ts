/** IPv4 CIDR arithmetic for subnet checks. */

export interface Ipv4Cidr {
    /** The range as written. */
    text: string;
    /** First address as an unsigned 32-bit integer. */
    start: number;
    prefixLength: number;
}

/** Parses `a.b.c.d/n`; returns undefined for anything else (including a host part off the boundary). */
export function parseCidr(text: string): Ipv4Cidr | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefixLength = Number(match[5]);
    if (octets.some((o) => o > 255) || prefixLength > 32) {
        return undefined;
    }
    const address = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
    const size = 2 ** (32 - prefixLength);
    if (address % size !== 0) {
        return undefined;
    }
    return { text, start: address, prefixLength };
}

export function cidrSize(cidr: Ipv4Cidr): number {
    return 2 ** (32 - cidr.prefixLength);
}

export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
    const aEnd = a.start + cidrSize(a);
    const bEnd = b.start + cidrSize(b);
    return a.start < bEnd && b.start < aEnd;
}

/**
 * The network address the host bits would be cleared to, e.g. for `10.0.0.5/24` → `10.0.0.0/24`; undefined
 * when the text is no address/prefix pair at all (an octet over 255, a prefix over 32), which clearing host
 * bits cannot mend.
 */
export function alignedCidr(text: string): string | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
    if (!match || match.slice(1, 5).some((o) => Number(o) > 255) || Number(match[5]) > 32) {
        return undefined;
    }
    const prefixLength = Number(match[5]);
    const address = match
        .slice(1, 5)
        .map(Number)
        .reduce((acc, o) => ((acc << 8) | o) >>> 0, 0);
    const size = 2 ** (32 - prefixLength);
    const start = address - (address % size);
    return `${[24, 16, 8, 0].map((s) => (start >>> s) & 255).join(".")}/${prefixLength}`;
}

/** Parses a dotted IPv4 address to an unsigned 32-bit integer, or undefined. */
export function parseIpv4(text: string): number | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) {
        return undefined;
    }
    return octets.reduce((acc, o) => ((acc << 8) | o) >>> 0, 0);
}

export function formatIpv4(address: number): string {
    return [24, 16, 8, 0].map((s) => (address >>> s) & 255).join(".");
}

/**
 * The addresses of a subnet a VM or VIP may use: GCP reserves the first two (network, gateway) and the
 * last two (second-to-last, broadcast) of every primary range.
 */
export function usableRange(cidr: Ipv4Cidr): { first: number; last: number } {
    return { first: cidr.start + 2, last: cidr.start + cidrSize(cidr) - 3 };
}
