"use strict";
// The plain-data description of an operation that the generated client hands to the runtime.
// The same objects are exported to users as `operations`, so this is public API: change with care.
Object.defineProperty(exports, "__esModule", { value: true });
