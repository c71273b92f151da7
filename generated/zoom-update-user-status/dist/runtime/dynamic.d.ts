/** A new value of the dynamic variable `name`; `undefined` when it is none. */
export declare function dynamicVariable(name: string): string | undefined;
/** Whether `text` refers to a dynamic variable: the generator passes them only to a client whose collection does. */
export declare function refersToDynamic(text: string): boolean;
