// Every Mantine style, loaded with the console's chunk (after sign-in) rather than before
// the first screen: the first screens take only theirs (start-styles.ts). In the same
// "mantine" layer, so the console's own styles keep precedence.
import '@mantine/core/styles.layer.css';
import '@mantine/spotlight/styles.layer.css';
