import { render } from 'preact';
import { SidePanelApp } from '../../components/SidePanelApp';
import { setDocumentLanguage } from '../../components/page-setup';
import '../../components/ui.css';

setDocumentLanguage();
render(<SidePanelApp />, document.getElementById('app')!);
