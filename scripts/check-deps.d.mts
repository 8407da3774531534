// Types of scripts/check-deps.mjs for the tests.
export declare const LAYERS: ReadonlyArray<readonly [string, readonly string[]]>;
/** Checks the tree at `root` (default: this repository); returns the number of files and one line per problem. */
export declare function check(root?: string): { files: number; problems: string[] };
