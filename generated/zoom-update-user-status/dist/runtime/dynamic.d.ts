/** A new value of the dynamic variable `name`; `undefined` when it is none. */
export declare function dynamicVariable(name: string): string | undefined;
/** Whether `name` is a dynamic variable: the generator passes them only to a client whose collection refers to one. */
export declare function isDynamicVariable(name: string): boolean;
