/** The types of the generated shapes (components/shape.generated.ts), apart so that it imports no code. */

/** One type in the generated shapes. `input`: an Output or a Promise is accepted at this level. */
export type Shape =
    | { type: "string" | "number" | "boolean"; input?: true }
    | { type: "enum"; values: string[]; input?: true }
    | { type: "array"; items: Shape; input?: true }
    | { type: "record"; values: Shape; input?: true }
    | { type: "object"; name: string; input?: true };

/** A field of an interface: its type, whether it is required, and its TSDoc `@example`. */
export type ShapeField = Shape & { required?: true; example?: string };

/** An interface of the Args: its fields by name. Closed: any other key is an error. */
export interface ShapeObject {
    fields: Record<string, ShapeField>;
}
