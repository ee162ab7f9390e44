import { render } from 'preact';
import { OptionsApp } from '../../components/OptionsApp';
import { setDocumentLanguage } from '../../components/page-setup';
import '../../components/ui.css';

setDocumentLanguage();
render(<OptionsApp />, document.getElementById('app')!);
