/**
 * Imported for its side effect by every staff page entry (src/packages/staff/pages/*), so webpack
 * puts the staff text into the staff sub-package and it is registered before any staff screen renders.
 */
import { registerCatalog } from '../translate';
import { staffEnUS } from './en-US';
import { staffZhCN } from './zh-CN';

registerCatalog({ 'zh-CN': staffZhCN, 'en-US': staffEnUS });
