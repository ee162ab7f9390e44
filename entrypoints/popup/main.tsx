import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { setDocumentLanguage } from '../../components/page-setup';
import '../../components/ui.css';

setDocumentLanguage();
render(<PopupApp />, document.getElementById('app')!);
