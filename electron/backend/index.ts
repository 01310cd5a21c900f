export { createBackend, type Backend, type BackendOptions } from './backend';
export { StoreTooNewError } from './db/migrate';
